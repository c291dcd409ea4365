"""A small OpenAPI document for the classifier, gate and changelog tests."""

from __future__ import annotations

from typing import Any

Document = dict[str, Any]
THING_INPUT = "#/components/schemas/ThingInput"


def base_document() -> Document:
    """Two operations sharing a component: a create (request and response) and a read (response only)."""
    thing_read = {"$ref": "#/components/schemas/ThingRead"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "security": [{"basicAuth": []}],
        "paths": {
            "/things/{thingId}": {
                "parameters": [{"$ref": "#/components/parameters/ThingId"}],
                "get": {
                    "operationId": "readThing",
                    "x-required-scope": {"scope": "thing.read", "level": "Dealer"},
                    "parameters": [
                        {"name": "verbose", "in": "query", "required": False, "schema": {"type": "boolean"}}
                    ],
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": thing_read}}},
                        "404": {"description": "missing"},
                    },
                },
            },
            "/things": {
                "post": {
                    "operationId": "createThing",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": THING_INPUT}}},
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
                            "content": {"application/json": {"schema": thing_read}},
                        },
                        "400": {"description": "bad"},
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic", "description": "Basic"}},
            "parameters": {
                "ThingId": {
                    "name": "thingId",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "maxLength": 36},
                }
            },
            "schemas": {
                "Kind": {"type": "string", "enum": ["A", "B"]},
                "ThingInput": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 50},
                        "count": {"type": "integer", "minimum": 0},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "when": {"type": "string", "format": "date"},
                        "id": {"type": "string", "readOnly": True},
                        "parent": {"$ref": "#/components/schemas/ThingInput"},
                    },
                    "x-rules": [
                        {"id": "count-needs-kind", "message": "m", "if": {"field": "count", "present": True},
                         "then": {"field": "kind", "present": True}}
                    ],
                },
                "ThingRead": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": ["string", "null"]},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "when": {"type": "string", "format": "date"},
                        "code": {"type": "string", "pattern": "^[A-Z]+$", "maxLength": 10},
                        "owner": {"$ref": "#/components/schemas/Owner"},
                    },
                },
                "Owner": {"type": "object", "properties": {"email": {"type": "string"}}},
            },
        },
    }  # fmt: skip


def schemas(document: Document) -> dict[str, Any]:
    found: dict[str, Any] = document["components"]["schemas"]
    return found
