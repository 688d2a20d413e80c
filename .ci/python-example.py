"""Checks the README's Python example against the Python binding jsii-pacmak generated.

Every name imported from cdk8s_storage must be a class of the generated module,
every call of such a class (or of a static method of it, or of a method of a
variable made by it) must use methods and keyword arguments the generated code
has. No jsii runtime is needed: both are read with Python's own parser.
Usage: python3 .ci/python-example.py README.md dist/code/python/src/cdk8s_storage/__init__.py
"""
import ast
import re
import sys

readme, binding = sys.argv[1], sys.argv[2]
blocks = re.findall(r"```python\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
if not blocks:
    sys.exit("no ```python block in the README")

classes = {}
for node in ast.parse(open(binding, encoding="utf-8").read()).body:
    if isinstance(node, ast.ClassDef):
        classes[node.name] = {f.name: [a.arg for a in f.args.args + f.args.kwonlyargs] for f in node.body if isinstance(f, ast.FunctionDef)}

problems = []
checked = 0
for block in blocks:
    tree = ast.parse(block)
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "cdk8s_storage" for a in n.names}
    problems += [f"{name} is not in the binding" for name in imported if name not in classes]
    variables = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name) and n.value.func.id in imported:
            for target in n.targets:
                if isinstance(target, ast.Name):
                    variables[target.id] = n.value.func.id
    for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
        func = call.func
        if isinstance(func, ast.Name) and func.id in imported:
            owner, method = func.id, "__init__"
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (func.value.id in imported or func.value.id in variables):
            owner, method = (func.value.id if func.value.id in imported else variables[func.value.id]), func.attr
        else:
            continue
        methods = classes.get(owner, {})
        if method not in methods:
            problems.append(f"{owner}.{method} is not in the binding")
            continue
        checked += 1
        for keyword in call.keywords:
            if keyword.arg not in methods[method]:
                problems.append(f"{owner}.{method}: no argument {keyword.arg} (it takes {', '.join(methods[method])})")

if problems:
    sys.exit("\n".join(problems))
print(f"README Python example: {checked} calls checked against the generated binding")
