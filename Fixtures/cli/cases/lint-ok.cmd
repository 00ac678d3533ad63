args: lint Fixtures/projects
