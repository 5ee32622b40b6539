/**
 * Addresses in script and comment text. Written to run in linear time: the plain forms (below)
 * retry every position of a long run of path characters and take seconds to minutes on a few
 * hundred kilobytes of such text, which a hostile page can serve to stall the check. These find
 * the same matches (tests/unit/text-patterns.test.ts checks it on seeded random strings):
 * - a match without a scheme or `//` prefix starts only where a run of path characters starts,
 *   because starting inside the run finds nothing that starting at its beginning would not;
 * - a `//host` prefix is tried only where it starts earlier than that run (after `http:`, or a
 *   host with a port or other characters a path cannot hold). A host before a port is read
 *   atomically (`(?=(x+))\1`: it runs up to the `:`). A host without a port is read as one
 *   character and the rest as path, since path characters include host characters: reading it atomically
 *   instead lost the scheme when the script name sat in the host run (`https://.CA….js`,
 *   found by the seeded property test);
 * - the certificate path is read atomically up to `/sitename?`: a `?` ends a run of path
 *   characters, so the only `/sitename?` a run can reach is at its end.
 */
export const PLAIN_EMBED_IN_TEXT = /(?:(?:https?:)?\/\/[\w.-]+(?::\d+)?)?[\w/.%~-]*CA\d{21}\.js/g;
export const PLAIN_CERT_IN_TEXT = /(?:(?:https?:)?\/\/[^\s"'<>()\\/?#]+)?[\w/.%~-]*\/sitename\?[^\s"'<>()\\]*/gi;

export const EMBED_IN_TEXT =
  /(?:https?:\/\/(?:(?=([\w.-]+))\1:(?=(\d+))\2|[\w.-])|\/\/(?=([\w.-]+))\3:(?=(\d+))\4|(?<![\w/.%~-]))[\w/.%~-]*CA\d{21}\.js/g;
export const CERT_IN_TEXT =
  /(?:https?:\/\/(?=([^\s"'<>()\\/?#]+))\1|\/\/(?=[^\s"'<>()\\/?#]*[^\s"'<>()\\/?#\w.%~-])(?=([^\s"'<>()\\/?#]+))\2|(?<![\w/.%~-]))(?=((?:[\w.%~-]|\/(?!sitename\?))*))\3\/sitename\?[^\s"'<>()\\]*/gi;
export const OFFICIAL_IMAGE_IN_TEXT = /(?:https?:)?\/\/dcs\.conac\.cn\/image\/[\w.-]+/gi;
export const SITECODE_IN_TEXT = /sitecode\s*=\s*['"]?([A-Za-z0-9]{10})(?![A-Za-z0-9])/i;
/** Script or comment text worth a closer look. */
export const TEXT_HINT = /conac|sitename|sitecode/i;
