/**
 * The bad-input corpus files (test/input/corpus/bad) that cannot be construct props, named by
 * hand from what each file is: no mapping of keys (a list, a scalar, an empty file, comments
 * only, JSON array or null), unreadable YAML (syntax, duplicate key, several documents, alias
 * bomb, tab indentation) or not UTF-8 text. Every other bad spec parses into a mapping, and is
 * also bad construct props. 86-json-proto-key parses into a mapping (its problem is the key).
 */
export const NOT_PROPS: readonly string[] = [
  '76-yaml-list.yaml', '77-yaml-scalar.yaml', '78-yaml-empty.yaml', '79-yaml-comments-only.yaml', '80-yaml-syntax.yaml',
  '81-yaml-duplicate-key.yaml', '82-yaml-multi-document.yaml', '83-yaml-alias-bomb.yaml', '84-json-array.json', '85-json-null.json',
  '87-yaml-tab-indent.yaml', '88-not-utf8.yaml', '89-utf16.yaml',
];
