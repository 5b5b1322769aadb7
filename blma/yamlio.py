"""Reading YAML data files: libyaml's safe loader when installed (ten times faster, same result).

A key given twice in one mapping is an error, not a silent overwrite: in a rule file the second
``pattern:`` of a cue would quietly replace the first (a cue whose name was lost in an edit
takes the next cue's pattern), and in a labels file a second status would replace the first.
"""

from __future__ import annotations

from typing import Any

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _value in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key: the base constructor reports it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"found duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_yaml(stream: Any) -> Any:
    """``yaml.safe_load`` semantics (no arbitrary objects), at C speed where available, with
    duplicate keys refused."""
    return yaml.load(stream, Loader=_UniqueKeyLoader)
