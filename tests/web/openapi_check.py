"""A small validator of JSON answers against the app's OpenAPI document (the JSON Schema subset
FastAPI emits: $ref, type, properties, required, additionalProperties, items, enum, const,
anyOf/oneOf/allOf, minimum/maximum, minLength/maxLength)."""

from __future__ import annotations

import re
from typing import Any

_TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}  # fmt: skip


class SchemaMismatch(AssertionError):
    pass


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        node: Any = doc
        for part in ref[2:].split("/"):
            node = node[part]
        schema = node
    return schema


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def validate(doc: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> None:
    """Raise ``SchemaMismatch`` naming the first place where ``value`` breaks ``schema``."""
    schema = _resolve(doc, schema)
    if not schema:
        return
    for key in ("anyOf", "oneOf"):
        if key in schema:
            errors = []
            for option in schema[key]:
                try:
                    validate(doc, option, value, where)
                    break
                except SchemaMismatch as exc:
                    errors.append(str(exc))
            else:
                raise SchemaMismatch(f"{where}: matches none of {key}: {errors}")
    for option in schema.get("allOf", ()):
        validate(doc, option, value, where)
    if "const" in schema and value != schema["const"]:
        raise SchemaMismatch(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        raise SchemaMismatch(f"{where}: {value!r} not in {schema['enum']}")
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if schema.get("nullable"):
            kinds = [*kinds, "null"]
        if not any(_type_ok(value, k) for k in kinds):
            raise SchemaMismatch(f"{where}: {value!r:.80} is not of type {kind}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", ()):
            if name not in value:
                raise SchemaMismatch(f"{where}: missing required {name!r}")
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in props:
                validate(doc, props[name], item, f"{where}.{name}")
            elif extra is False:
                raise SchemaMismatch(f"{where}: unexpected property {name!r}")
            elif isinstance(extra, dict):
                validate(doc, extra, item, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for k, item in enumerate(value):
            validate(doc, schema["items"], item, f"{where}[{k}]")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            raise SchemaMismatch(f"{where}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise SchemaMismatch(f"{where}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise SchemaMismatch(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            raise SchemaMismatch(f"{where}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise SchemaMismatch(f"{where}: above {schema['maximum']}")


def operation(doc: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """The OpenAPI operation that serves ``method path`` (path templates matched)."""
    for template, ops in doc["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")) + "$"
        if re.match(pattern, path) and method.lower() in ops:
            return ops[method.lower()]
    raise SchemaMismatch(f"{method} {path} is not in the OpenAPI document")


def check_response(doc: dict[str, Any], method: str, path: str, response: Any) -> None:
    """Check that ``response`` (an httpx response) is documented: its status is among the
    operation's responses and, for JSON, its body matches the schema."""
    op = operation(doc, method, path.split("?", 1)[0])
    status = str(response.status_code)
    documented = op["responses"].get(status) or op["responses"].get("default")
    if documented is None:
        raise SchemaMismatch(f"{method} {path}: status {status} is not documented "
                             f"(documented: {sorted(op['responses'])})")  # fmt: skip
    content = documented.get("content") or {}
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if media == "application/json":
        if "application/json" not in content:
            raise SchemaMismatch(f"{method} {path}: JSON answer but {status} documents {sorted(content)}")
        validate(doc, content["application/json"].get("schema", {}), response.json())
    elif content and media not in content and not (media.startswith("text/") and "text/csv" in content):
        raise SchemaMismatch(f"{method} {path}: {media} not in the documented {sorted(content)}")
