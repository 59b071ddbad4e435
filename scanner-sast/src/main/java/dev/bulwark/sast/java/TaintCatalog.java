package dev.bulwark.sast.java;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the taint analysis knows about library APIs, as data: where request data enters
 * (sources), where it must not arrive (sinks, by receiver type and method), and which calls
 * neutralise it (sanitisers, by the classes they clear).
 */
final class TaintCatalog {
  private TaintCatalog() {}

  /**
   * A dangerous call: a method of one of {@code receiverTypes} (or, when the receiver's type is
   * unknown, a receiver whose text contains one of {@code nameHints}); {@code arg} -1 = any.
   */
  record Sink(Vuln vuln, Set<String> receiverTypes, List<String> nameHints, Set<String> methods, int arg) {}

  /** Methods of a servlet request that return data the client controls. */
  static final Set<String> REQUEST_SOURCES = Set.of("getParameter", "getParameterValues", "getParameterMap",
      "getParameterNames", "getHeader", "getHeaders", "getHeaderNames", "getCookies", "getQueryString",
      "getInputStream", "getReader", "getPathInfo", "getPart", "getParts");

  /**
   * Accessors of request wrappers (classes named *Request built around the servlet request) that
   * hand out request data; their other methods are not trusted to (they may return constants).
   */
  static final java.util.regex.Pattern WRAPPER_SOURCE =
      java.util.regex.Pattern.compile("get\\w*(Parameter|Header|Cookie|Query)\\w*");

  /** Spring MVC parameter annotations whose parameter holds request data. */
  static final Set<String> SOURCE_ANNOTATIONS = Set.of("RequestParam", "PathVariable", "RequestBody",
      "RequestHeader", "CookieValue", "MatrixVariable", "RequestPart");

  static final List<Sink> CALL_SINKS = List.of(
      new Sink(Vuln.SQL, Set.of("Statement", "PreparedStatement", "CallableStatement"),
          List.of("statement", "stmt"),
          Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch"), 0),
      new Sink(Vuln.SQL, Set.of("Connection"), List.of("conn"),
          Set.of("prepareStatement", "prepareCall", "nativeSQL"), 0),
      new Sink(Vuln.SQL, Set.of("JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcOperations"),
          List.of("jdbctemplate", "template"),
          Set.of("query", "queryForList", "queryForObject", "queryForMap", "queryForRowSet", "queryForLong",
              "queryForInt", "queryForStream", "update", "execute", "batchUpdate"), -1),
      new Sink(Vuln.SQL, Set.of("EntityManager", "Session"), List.of("entitymanager", "em"),
          Set.of("createQuery", "createNativeQuery", "createSQLQuery"), 0),
      new Sink(Vuln.COMMAND, Set.of("Runtime"), List.of("runtime"), Set.of("exec"), -1),
      new Sink(Vuln.COMMAND, Set.of("ProcessBuilder"), List.of("processbuilder", "pb"), Set.of("command"), -1),
      new Sink(Vuln.LDAP, Set.of("DirContext", "InitialDirContext", "LdapContext", "InitialLdapContext",
          "DirContextOperations", "LdapTemplate"), List.of("dircontext", "ctx", "ldap"), Set.of("search"), -1),
      new Sink(Vuln.XPATH, Set.of("XPath"), List.of("xpath", "xp"), Set.of("compile", "evaluate"), 0),
      new Sink(Vuln.XSS, Set.of(JavaTypes.RESPONSE_WRITER), List.of(),
          Set.of("print", "println", "write", "format", "printf", "append"), -1),
      new Sink(Vuln.TRUST_BOUNDARY, Set.of("HttpSession"), List.of("session"), Set.of("setAttribute", "putValue"), -1));

  /** Constructors whose arguments name a file or a command. */
  static final Map<String, Vuln> CONSTRUCTOR_SINKS = Map.of("File", Vuln.PATH, "FileInputStream", Vuln.PATH,
      "FileOutputStream", Vuln.PATH, "FileReader", Vuln.PATH, "FileWriter", Vuln.PATH,
      "RandomAccessFile", Vuln.PATH, "ProcessBuilder", Vuln.COMMAND);

  /** Static factories (scope.method) whose arguments name a file. */
  static final Map<String, Vuln> STATIC_SINKS = Map.of("Paths.get", Vuln.PATH, "Path.of", Vuln.PATH);

  private static final int ALL = Vuln.ALL;

  /** Sanitisers by method name → the classes of injection they neutralise. */
  static final Map<String, Integer> SANITISERS = Map.ofEntries(
      Map.entry("parseInt", ALL), Map.entry("parseLong", ALL), Map.entry("parseDouble", ALL),
      Map.entry("parseFloat", ALL), Map.entry("parseShort", ALL), Map.entry("parseByte", ALL),
      Map.entry("parseBoolean", ALL),
      Map.entry("htmlEscape", Vuln.mask(Vuln.XSS)), Map.entry("escapeHtml", Vuln.mask(Vuln.XSS)),
      Map.entry("escapeHtml3", Vuln.mask(Vuln.XSS)), Map.entry("escapeHtml4", Vuln.mask(Vuln.XSS)),
      Map.entry("escapeXml", Vuln.mask(Vuln.XSS)), Map.entry("escapeXml10", Vuln.mask(Vuln.XSS)),
      Map.entry("escapeXml11", Vuln.mask(Vuln.XSS)), Map.entry("encodeForHTML", Vuln.mask(Vuln.XSS)),
      Map.entry("encodeForHTMLAttribute", Vuln.mask(Vuln.XSS)), Map.entry("encodeForJavaScript", Vuln.mask(Vuln.XSS)),
      Map.entry("encodeForXML", Vuln.mask(Vuln.XSS)), Map.entry("encodeForXMLAttribute", Vuln.mask(Vuln.XSS)),
      Map.entry("encodeForCSS", Vuln.mask(Vuln.XSS)), Map.entry("forHtml", Vuln.mask(Vuln.XSS)),
      Map.entry("forHtmlContent", Vuln.mask(Vuln.XSS)), Map.entry("forHtmlAttribute", Vuln.mask(Vuln.XSS)),
      Map.entry("forJavaScript", Vuln.mask(Vuln.XSS)), Map.entry("forXml", Vuln.mask(Vuln.XSS)),
      Map.entry("encodeForSQL", Vuln.mask(Vuln.SQL)), Map.entry("escapeSql", Vuln.mask(Vuln.SQL)),
      Map.entry("encodeForLDAP", Vuln.mask(Vuln.LDAP)), Map.entry("encodeForDN", Vuln.mask(Vuln.LDAP)),
      Map.entry("encodeForXPath", Vuln.mask(Vuln.XPATH)), Map.entry("encodeForOS", Vuln.mask(Vuln.COMMAND)));

  /** Scopes whose {@code valueOf} parses a number or boolean (String.valueOf keeps the taint). */
  static final Set<String> NUMBER_TYPES = Set.of("Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean",
      "BigInteger", "BigDecimal");

  /** Calls whose result is a number, a boolean or a type: never an injection vector. */
  static final Set<String> CLEAN_RESULTS = Set.of("length", "size", "isEmpty", "hashCode", "equals",
      "equalsIgnoreCase", "contains", "containsKey", "containsValue", "startsWith", "endsWith", "indexOf",
      "lastIndexOf", "compareTo", "compareToIgnoreCase", "matches", "hasNext", "hasMoreElements",
      "hasMoreTokens", "getClass", "isBlank", "count", "getLength", "available", "exists", "isDirectory",
      // results read back from a database or a process are not request data
      "executeQuery", "executeUpdate", "executeLargeUpdate", "getResultSet", "getGeneratedKeys", "waitFor",
      "exitValue");

  /** Calls that store their argument into the receiver (a builder or a collection). */
  static final Set<String> MUTATORS = Set.of("append", "insert", "add", "addAll", "put", "putAll", "push",
      "offer", "addElement", "set", "setProperty", "addFirst", "addLast", "write", "print", "println");
}
