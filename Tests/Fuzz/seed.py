"""Seeds the fuzzing corpora from the repository's fixtures (run by `make fuzz`)."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent.parent
out = pathlib.Path(sys.argv[1])
corpora = {
    "YAMLLoader": list(root.glob("Fixtures/**/*.yaml")) + list(root.glob("Rules/*.yaml")),
    "Pack": list(root.glob("Rules/*.yaml")) + list(root.glob("Fixtures/packs/**/*.yaml")),
    "Dossier": list(root.glob("Fixtures/projects/*.yaml")) + list(root.glob("Fixtures/invalid/*.yaml")) + list(root.glob("Fixtures/cli/*.yaml")),
}
for name, files in corpora.items():
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted(files)):
        (folder / f"seed-{index}").write_bytes(path.read_bytes())

# Expressions: every `expr:` of the expression cases and every `when:` of the packs.
folder = out / "Expression"
folder.mkdir(parents=True, exist_ok=True)
expressions = []
for path in list(root.glob("Fixtures/expressions/*.yaml")) + list(root.glob("Rules/*.yaml")):
    for match in re.finditer(r'(?:expr|when): "?(.*?)"?[,}]?$', path.read_text(), re.M):
        expressions.append(match.group(1).replace('\\"', '"'))
for index, text in enumerate(expressions):
    (folder / f"seed-{index}").write_text(text.replace("s.", "a.").replace("surveillance.", "a."))
# Expressions over numbers, each followed by a line of value picks.
folder = out / "ExpressionValues"
folder.mkdir(parents=True, exist_ok=True)
numeric = ["max(a.size, 1) > 0", "min(a.counts) < a.count", "a.count * a.size > 0", "a.rate / a.share > 1",
           "sum(a.amounts) >= a.rate", "-a.size < 0", "a.count + 1 > a.size", "max(a.amounts) == a.rate",
           "days_since(a.when) > a.count", "len(a.counts) * a.count > 0", "a.rate > 0 and a.share < 0 or a.flag"]
for index, text in enumerate(numeric):
    (folder / f"seed-{index}").write_bytes(text.encode() + b"\n" + bytes(range(index, index + 12)))
print(f"seeded {sum(len(v) for v in corpora.values())} files and {len(expressions)} expressions")
