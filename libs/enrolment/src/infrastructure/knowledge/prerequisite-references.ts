/**
 * The catalogue states prerequisites as text. A definition id named in that text is read as "holds that
 * credential": ids are unambiguous (UUIDs in practice), so a text such as "Holds the micro-credential
 * 0190a3c4-... (Energy basics)" becomes a checkable rule, and any other wording stays informative only.
 */
export function referencedSpecIds(prerequisites: string | null | undefined, knownSpecIds: Iterable<string>, self: string): string[] {
  if (!prerequisites) return [];
  const tokens = new Set(prerequisites.split(/[\s,;()[\]{}"'`]+|(?<=\w)\.(?=\s|$)/).filter(Boolean));
  return [...new Set(knownSpecIds)].filter((id) => id !== self && tokens.has(id)).sort();
}
