"""What the Python demos say, read with ast (never run): for demoSentences.test.ts.

Usage: python3 demoSentences.py DEMOS_DIR. Prints one JSON object:
- calls: every call of a function imported from lab_say (say, line): file,
  line, the English sentence (None where it is not a literal string), the
  names of its keyword values, and its {fields};
- catalog: every entry of lab_say_zh.CHINESE with the fields of both sides;
- prints: lines printed another way (print(), sys.stdout/stderr.write), which
  would not be translated;
- errors: what could not be read (a bad {field}, **values).
A field is written as in the sentence ("n", "n:2", "echo!r"): {n:2} and {n}
differ.
"""
import ast
import json
import os
import string
import sys

SAY_MODULE = "lab_say"


def fields(text, where, errors):
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        errors.append(f"{where}: {error} in {text!r}")
        return []
    found = {name + (f"!{conversion}" if conversion else "")
             + (f":{spec}" if spec else "")
             for _, name, spec, conversion in parsed if name is not None}
    return sorted(found)


def imported_from_say(tree):
    return {alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == SAY_MODULE
            for alias in node.names}


def is_print(call):
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "print"
    # sys.stdout.write(...), sys.stderr.write(...)
    return (isinstance(func, ast.Attribute) and func.attr == "write"
            and isinstance(func.value, ast.Attribute)
            and func.value.attr in ("stdout", "stderr"))


def read_demo(path, name, report):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    sayers = imported_from_say(tree)
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        where = f"{name}:{call.lineno}"
        if is_print(call):
            report["prints"].append(where)
        if not (isinstance(call.func, ast.Name) and call.func.id in sayers):
            continue
        first = call.args[0] if call.args else None
        literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
        if any(k.arg is None for k in call.keywords):
            report["errors"].append(f"{where}: **values cannot be checked")
        report["calls"].append({
            "where": where,
            "function": call.func.id,
            "sentence": first.value if literal else None,
            "values": sorted(k.arg for k in call.keywords if k.arg),
            "fields": fields(first.value, where, report["errors"]) if literal else [],
        })


def main(demos_dir):
    report = {"files": [], "calls": [], "catalog": [], "prints": [], "errors": []}
    for name in sorted(os.listdir(demos_dir)):
        if name.endswith(".py") and not name.startswith(SAY_MODULE):
            report["files"].append(name)
            read_demo(os.path.join(demos_dir, name), name, report)
    sys.path.insert(0, demos_dir)
    from lab_say_zh import CHINESE
    for english, chinese in CHINESE.items():
        report["catalog"].append({
            "english": english,
            "chinese": chinese,
            "englishFields": fields(english, "catalog", report["errors"]),
            "chineseFields": fields(chinese, "catalog", report["errors"]),
        })
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


main(sys.argv[1])
