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
print(f"seeded {sum(len(v) for v in corpora.values())} files and {len(expressions)} expressions")
