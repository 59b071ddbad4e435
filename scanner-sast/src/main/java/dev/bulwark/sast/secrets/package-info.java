/**
 * Committed credentials. The rule pack is data: an index ({@code rules/secrets.yaml}) and one YAML
 * file per provider family ({@code rules/secrets/*.yaml}), each rule with its own samples. One
 * Aho-Corasick pass finds the rules' keywords, each rule's regex runs only on the lines where one of
 * its keywords occurs, then {@link dev.bulwark.sast.secrets.Judge} applies the precision judgements
 * ({@code precision/}) and names them in the finding. {@code verify/} asks providers whether a
 * credential still works, only when a scan asks and the scanner's setting allows it.
 */
package dev.bulwark.sast.secrets;
