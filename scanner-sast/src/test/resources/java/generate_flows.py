#!/usr/bin/env python3
"""Writes labelled flow cases under flows/<family>-cwe<N>/<source>/<flow>/ (one folder per case, one or
more files, analysed together as a project). Methods named bad* must get a finding with the
family's CWE, methods named good* must not (JavaFlowCasesTest). Coverage is pairwise: every source
kind x every sink family (baseline flow), every flow shape x every sink family (one source), every
flow shape x every source kind (SQL). Re-run after editing; it replaces flows/ entirely."""
import os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'flows')

IMPORTS = """import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;
"""
PARAMS = 'HttpServletRequest request, HttpServletResponse response'
ARGS = 'request, response'

# --- sources: statements that assign `data` (declared as String before) ---------------------------
def reader(stream):
    return ('BufferedReader reader = new BufferedReader(new InputStreamReader(%s, "UTF-8"));\n'
            'data = reader.readLine();' % stream)

SOURCES = {
    'http_param': 'data = request.getParameter("name");',
    'http_header': 'data = request.getHeader("X-Name");',
    'http_cookie': ('data = "";\nCookie[] cookies = request.getCookies();\nif (cookies != null) {\n'
                    '    for (Cookie cookie : cookies) {\n        if (cookie.getName().equals("name")) {\n'
                    '            data = cookie.getValue();\n        }\n    }\n}'),
    'http_query': 'data = request.getQueryString();',
    'socket': 'Socket socket = new Socket("host.example.org", 39543);\n' + reader('socket.getInputStream()'),
    'server_socket': ('ServerSocket listener = new ServerSocket(39543);\nSocket socket = listener.accept();\n'
                      + reader('socket.getInputStream()')),
    'url_connection': ('URLConnection connection = (new URL("http://www.example.org/")).openConnection();\n'
                       + reader('connection.getInputStream()')),
    'file': 'File file = new File("/var/app/data.txt");\nFileInputStream stream = new FileInputStream(file);\n' + reader('stream'),
    'properties_file': ('Properties properties = new Properties();\nFileInputStream stream = new FileInputStream("../config.properties");\n'
                        'properties.load(stream);\ndata = properties.getProperty("data");'),
    'system_property': 'data = System.getProperty("user.home");',
    'environment': 'data = System.getenv("ADD");',
    'database': ('PreparedStatement query = conn.prepareStatement("select name from users where id = 0");\n'
                 'ResultSet results = query.executeQuery();\nresults.next();\ndata = results.getString(1);'),
    'console': reader('System.in'),
    'literal': 'data = "7e5tc4s3";',
}
SAFE_SOURCE = 'data = "foo";'
KIND = {'http_param': 'http', 'http_header': 'http', 'http_cookie': 'http', 'http_query': 'http',
        'socket': 'network', 'server_socket': 'network', 'url_connection': 'network', 'file': 'file',
        'properties_file': 'property', 'system_property': 'property', 'environment': 'environment',
        'database': 'database', 'console': 'console', 'literal': 'literal'}
LOCAL = ['file', 'properties_file', 'system_property', 'environment', 'database', 'console']
HTTP = ['http_param', 'http_header', 'http_cookie', 'http_query']
NETWORK = ['socket', 'server_socket', 'url_connection']

# --- sink families: (cwe, bad sink, good sink or None, sources that apply, safe source) -----------
ALLOW = ('if (!ALLOWED.contains(data)) {\n    return;\n}\n')
FAMILIES = {
    'sql': (89, 'Statement statement = conn.createStatement();\nstatement.executeQuery("select * from users where name = \'" + data + "\'");',
            'PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");\nstatement.setString(1, data);\nstatement.executeQuery();'),
    'command': (78, 'Runtime.getRuntime().exec("/bin/ls " + data);', ALLOW + 'Runtime.getRuntime().exec("/bin/ls " + data);'),
    'path_relative': (23, 'File target = new File("/var/app/uploads/" + data);\nnew FileInputStream(target).close();',
                      'data = org.apache.commons.io.FilenameUtils.getName(data);\nFile target = new File("/var/app/uploads/" + data);\nnew FileInputStream(target).close();'),
    'path_absolute': (36, 'FileInputStream in = new FileInputStream(data);\nin.close();', ALLOW + 'FileInputStream in = new FileInputStream(data);\nin.close();'),
    'ldap': (90, 'DirContext context = new InitialDirContext();\ncontext.search("ou=users,dc=example,dc=org", "(cn=" + data + ")", new SearchControls());',
             'if (!data.matches("[A-Za-z0-9]+")) {\n    return;\n}\nDirContext context = new InitialDirContext();\ncontext.search("ou=users,dc=example,dc=org", "(cn=" + data + ")", new SearchControls());'),
    'xpath': (643, 'XPath xpath = XPathFactory.newInstance().newXPath();\nxpath.evaluate("//user[@name=\'" + data + "\']", new org.xml.sax.InputSource("users.xml"));',
              'data = org.apache.commons.text.StringEscapeUtils.escapeXml10(data);\nXPath xpath = XPathFactory.newInstance().newXPath();\nxpath.evaluate("//user[@name=\'" + data + "\']", new org.xml.sax.InputSource("users.xml"));'),
    'xss': (80, 'response.getWriter().println("<br>Hello " + data);',
            'response.getWriter().println("<br>Hello " + org.apache.commons.text.StringEscapeUtils.escapeHtml4(data));'),
    'xss_error': (81, 'response.sendError(404, "<br>Not found: " + data);',
                  'response.sendError(404, "<br>Not found: " + org.apache.commons.text.StringEscapeUtils.escapeHtml4(data));'),
    'trust_boundary': (501, 'request.getSession().setAttribute("user", data);', ALLOW + 'request.getSession().setAttribute("user", data);'),
    'header': (113, 'response.setHeader("X-Language", data);', 'data = URLEncoder.encode(data, "UTF-8");\nresponse.setHeader("X-Language", data);'),
    'header_cookie': (113, 'Cookie cookie = new Cookie("lang", data);\ncookie.setSecure(true);\ncookie.setHttpOnly(true);\nresponse.addCookie(cookie);',
                      'data = URLEncoder.encode(data, "UTF-8");\nCookie cookie = new Cookie("lang", data);\ncookie.setSecure(true);\ncookie.setHttpOnly(true);\nresponse.addCookie(cookie);'),
    'redirect': (601, 'response.sendRedirect(data);',
                 'URI uri = new URI(data);\nif (uri.getHost() != null) {\n    response.sendError(400, "absolute redirect refused");\n    return;\n}\nresponse.sendRedirect(data);'),
    'reflection': (470, 'Class<?> type = Class.forName(data);\nObject instance = type.getDeclaredConstructor().newInstance();', ALLOW + 'Class<?> type = Class.forName(data);\nObject instance = type.getDeclaredConstructor().newInstance();'),
    'setting': (15, 'conn.setCatalog(data);', ALLOW + 'conn.setCatalog(data);'),
    'ssrf': (918, 'InputStream page = new URL(data).openStream();\npage.close();',
             'URI uri = new URI(data);\nif (!"www.example.org".equals(uri.getHost())) {\n    return;\n}\nInputStream page = new URL(data).openStream();\npage.close();'),
    'log': (117, 'LOG.info("user: " + data);', 'data = data.replace(\'\\n\', \'_\').replace(\'\\r\', \'_\');\nLOG.info("user: " + data);'),
    'nosql': (943, 'users.find(com.mongodb.client.model.Filters.where("this.name == \'" + data + "\'"));',
              'users.find(com.mongodb.client.model.Filters.eq("name", data));'),
    'cleartext': (319, 'Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);',
                  'Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");\ncipher.init(Cipher.DECRYPT_MODE, KeyGenerator.getInstance("AES").generateKey());\n'
                  'data = new String(cipher.doFinal(Base64.getDecoder().decode(data)), "UTF-8");\nConnection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);'),
    'hard_coded_password': (259, 'Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);', None),
    'hard_coded_key': (321, 'SecretKeySpec key = new SecretKeySpec(data.getBytes("UTF-8"), "AES");\nCipher cipher = Cipher.getInstance("AES/GCM/NoPadding");\ncipher.init(Cipher.ENCRYPT_MODE, key);', None),
}
REMOTE = HTTP + NETWORK
APPLIES = {  # source kinds a family reports (see taint.yaml); the rest are not generated
    'trust_boundary': HTTP, 'cleartext': NETWORK, 'hard_coded_password': ['literal'], 'hard_coded_key': ['literal'],
    'ssrf': REMOTE, 'log': REMOTE,
}
DEFAULT_SOURCES = HTTP + NETWORK + LOCAL
# The safe source of the literal families is input read at run time, not a literal.
SAFE_FOR = {'hard_coded_password': reader('System.in'), 'hard_coded_key': reader('System.in')}

def sources_of(family):
    return APPLIES.get(family, DEFAULT_SOURCES)

def first_source(family):
    return sources_of(family)[0]

# --- Java text helpers --------------------------------------------------------------------------
def indent(code, n):
    pad = ' ' * n
    return '\n'.join(pad + line if line else line for line in code.split('\n'))

FIELDS = """    private static final Set<String> ALLOWED = Set.of("alice", "bob", "java.lang.Object");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app");
    private Connection conn;
    private com.mongodb.client.MongoCollection<org.bson.Document> users;
"""

def java(pkg, cls, body, extra_fields='', header=''):
    return ('package %s;\n\n%s\n%spublic class %s {\n%s%s\n%s}\n'
            % (pkg, IMPORTS, header, cls, FIELDS, extra_fields, body))

def method(name, code, params=PARAMS, ret='void', decl=True):
    pre = '        String data;\n' if decl else ''
    return ('    public %s %s(%s) throws Exception {\n%s%s\n    }\n\n' % (ret, name, params, pre, indent(code, 8)))

class Case:
    """One case: the bad source/sink and the good variants, shaped by a flow."""
    def __init__(self, family, source):
        self.family, self.source = family, source
        cwe, bad_sink, good_sink = FAMILIES[family]
        self.cwe, self.bad_sink, self.good_sink = cwe, bad_sink, good_sink
        self.bad_src = SOURCES[source]
        self.safe_src = SAFE_FOR.get(family, SAFE_SOURCE)

    def variants(self):
        """(method suffix, source, sink) of bad, goodG2B and, when the family has a fix, goodB2G."""
        v = [('bad', self.bad_src, self.bad_sink), ('goodG2B', self.safe_src, self.bad_sink)]
        if self.good_sink:
            v.append(('goodB2G', self.bad_src, self.good_sink))
        return v

# --- flow shapes: each returns {file name: text} ---------------------------------------------------
def one_file(pkg, shape):
    """A flow within one method: shape(source, sink) gives the body."""
    def make(case):
        body = ''.join(method(name, shape(src, sink, name)) for name, src, sink in case.variants())
        return {'Case.java': java(pkg, 'Case', body)}
    return make

def shaped(shape):
    return lambda pkg: one_file(pkg, shape)

FLOWS = {}

FLOWS['baseline'] = shaped(lambda src, sink, n: src + '\n' + sink)
FLOWS['if_constant'] = shaped(lambda src, sink, n:
    ('if (5 == 5) {\n%s\n} else {\n    data = null;\n}\nif (5 == 5) {\n%s\n}' % (indent(src, 4), indent(sink, 4)))
    if n != 'goodG2B' else
    ('if (5 != 5) {\n    data = null;\n} else {\n%s\n}\n%s' % (indent(src, 4), sink)))
FLOWS['switch_constant'] = shaped(lambda src, sink, n:
    'switch (6) {\ncase 6:\n%s\n    break;\ndefault:\n    data = null;\n    break;\n}\n%s' % (indent(src, 4), sink))
FLOWS['while_break'] = shaped(lambda src, sink, n: 'while (true) {\n%s\n    break;\n}\n%s' % (indent(src, 4), sink))
FLOWS['for_once'] = shaped(lambda src, sink, n: 'data = null;\nfor (int i = 0; i < 1; i++) {\n%s\n}\n%s' % (indent(src, 4), sink))
FLOWS['copy_chain'] = shaped(lambda src, sink, n:
    '%s\nString copy = data;\nString again = copy;\ndata = again;\n%s' % (src, sink))
FLOWS['try_finally'] = shaped(lambda src, sink, n:
    'data = null;\ntry {\n%s\n} finally {\n    System.out.println("read");\n}\n%s' % (indent(src, 4), sink))
FLOWS['builder'] = shaped(lambda src, sink, n:
    '%s\nStringBuilder built = new StringBuilder();\nbuilt.append(data);\ndata = built.toString();\n%s' % (src, sink))
FLOWS['conversions'] = shaped(lambda src, sink, n:
    '%s\ndata = new String(data.getBytes("UTF-8"), "UTF-8");\ndata = String.valueOf(data.toCharArray()).trim();\n%s' % (src, sink))
FLOWS['stream_lambda'] = shaped(lambda src, sink, n:
    '%s\ndata = java.util.stream.Stream.of(data).map(s -> s.strip()).collect(java.util.stream.Collectors.joining());\n%s' % (src, sink))
FLOWS['switch_pattern'] = shaped(lambda src, sink, n:
    '%s\nObject boxed = data;\ndata = switch (boxed) {\n    case String text -> text;\n    default -> String.valueOf(boxed);\n};\n%s' % (src, sink))
FLOWS['collections'] = shaped(lambda src, sink, n:
    '%s\nList<String> list = new ArrayList<>();\nlist.add(data);\nMap<String, String> map = new HashMap<>();\nmap.put("k", list.get(0));\ndata = map.get("k");\n%s' % (src, sink))
FLOWS['array'] = shaped(lambda src, sink, n:
    '%s\nString[] array = new String[3];\narray[2] = data;\ndata = array[2];\n%s' % (src, sink))

def if_field_flag(pkg):
    def make(case):
        body = ''.join(method(name, 'if (privateTrue) {\n%s\n} else {\n    data = null;\n}\nif (privateTrue) {\n%s\n}'
                              % (indent(src, 4), indent(sink, 4))) for name, src, sink in case.variants())
        return {'Case.java': java(pkg, 'Case', body, '    private boolean privateTrue = true;\n')}
    return make
FLOWS['if_field_flag'] = if_field_flag

def local_sink(pkg):
    def make(case):
        body = ''
        for name, src, sink in case.variants():
            body += method(name, '%s\n%sSink(data, %s);' % (src, name, ARGS))
            body += method(name + 'Sink', sink, params='String data, ' + PARAMS, decl=False)
        return {'Case.java': java(pkg, 'Case', body)}
    return make
FLOWS['local_sink_method'] = local_sink

def local_source(pkg):
    def make(case):
        body = ''
        for name, src, sink in case.variants():
            body += method(name, 'data = %sSource(%s);\n%s' % (name, ARGS, sink))
            body += method(name + 'Source', src + '\nreturn data;', ret='String')
        return {'Case.java': java(pkg, 'Case', body)}
    return make
FLOWS['local_source_method'] = local_source

def field(pkg):
    def make(case):
        body, fields = '', ''
        for name, src, sink in case.variants():
            fields += '    private String %sData;\n' % name
            body += method(name, '%s\n%sData = data;\n%sSink(%s);' % (src, name, name, ARGS))
            body += method(name + 'Sink', 'String data = %sData;\n%s' % (name, sink), decl=False)
        return {'Case.java': java(pkg, 'Case', body, fields)}
    return make
FLOWS['field'] = field

def chain(length):
    """bad() in Case passes data through `length` classes in as many files; the last one sinks it."""
    names = ['Case'] + ['Case' + chr(ord('B') + i) for i in range(length - 1)]
    def flow(pkg):
        def make(case):
            files = {}
            for i, cls in enumerate(names):
                body = ''
                for name, src, sink in case.variants():
                    if i == 0:
                        body += method(name, '%s\nnew %s().%sSink(data, %s);' % (src, names[1], name, ARGS))
                    elif i < len(names) - 1:
                        body += method(name + 'Sink', 'new %s().%sSink(data, %s);' % (names[i + 1], name, ARGS),
                                       params='String data, ' + PARAMS, decl=False)
                    else:
                        body += method(name + 'Sink', sink, params='String data, ' + PARAMS, decl=False)
                files[cls + '.java'] = java(pkg, cls, body)
            return files
        return make
    return flow
FLOWS['other_file_sink'] = chain(2)
FLOWS['chain3'] = chain(3)
FLOWS['chain5'] = chain(5)

def other_file_source(pkg):
    """The source is in another class's method that takes nothing from the caller."""
    def make(case):
        a, b = '', ''
        for name, src, sink in case.variants():
            a += method(name, 'data = new CaseB().%sSource();\n%s' % (name, sink))
            b += method(name + 'Source', src.replace('request.', 'REQUEST.') + '\nreturn data;', params='', ret='String')
        extra = '    static HttpServletRequest REQUEST;\n'
        return {'Case.java': java(pkg, 'Case', a), 'CaseB.java': java(pkg, 'CaseB', b, extra)}
    return make
FLOWS['other_file_source'] = other_file_source

def static_flag_other_file(pkg):
    """Public static flags of Case decide, in CaseB, which branch produces the data."""
    def make(case):
        a, b = '', ''
        for name, src, sink in case.variants():
            a += method(name, 'flag = true;\ndata = new CaseB().%sSource();\n%s' % (name, sink))
            b += method(name + 'Source', 'if (Case.flag) {\n%s\n} else {\n    data = null;\n}\nreturn data;'
                        % indent(src.replace('request.', 'REQUEST.'), 4), params='', ret='String')
        return {'Case.java': java(pkg, 'Case', a, '    public static boolean flag;\n'),
                'CaseB.java': java(pkg, 'CaseB', b, '    static HttpServletRequest REQUEST;\n')}
    return make
FLOWS['static_flag_other_file'] = static_flag_other_file

def passed_other_file(pack, unpack, param_type):
    """Data packed into a holder (array, container, collection, bytes) passed to CaseB, unpacked there."""
    def flow(pkg):
        def make(case):
            a, b = '', ''
            for name, src, sink in case.variants():
                a += method(name, '%s\n%s\nnew CaseB().%sSink(holder, %s);' % (src, pack, name, ARGS))
                b += method(name + 'Sink', 'String data = %s;\n%s' % (unpack, sink),
                            params='%s holder, %s' % (param_type, PARAMS), decl=False)
            files = {'Case.java': java(pkg, 'Case', a), 'CaseB.java': java(pkg, 'CaseB', b)}
            if param_type == 'Container':
                files['Container.java'] = 'package %s;\n\npublic class Container {\n    public String value;\n}\n' % pkg
            return files
        return make
    return flow
FLOWS['array_other_file'] = passed_other_file('String[] holder = new String[5];\nholder[2] = data;', 'holder[2]', 'String[]')
FLOWS['container_other_file'] = passed_other_file('Container holder = new Container();\nholder.value = data;', 'holder.value', 'Container')
FLOWS['object_other_file'] = passed_other_file('Object holder = data;', '(String) holder', 'Object')
FLOWS['vector_other_file'] = passed_other_file(
    'Vector<String> holder = new Vector<String>(5);\nholder.add(0, data);\nholder.add(1, data);\nholder.add(2, data);',
    'holder.remove(2)', 'Vector<String>')
FLOWS['linkedlist_other_file'] = passed_other_file(
    'LinkedList<String> holder = new LinkedList<String>();\nholder.add(data);\nholder.add(data);\nholder.add(data);',
    'holder.remove(2)', 'LinkedList<String>')
FLOWS['hashmap_other_file'] = passed_other_file(
    'HashMap<Integer, String> holder = new HashMap<Integer, String>();\nholder.put(0, data);\nholder.put(1, data);\nholder.put(2, data);',
    'holder.get(2)', 'HashMap<Integer, String>')
FLOWS['serialized_other_file'] = passed_other_file(
    'ByteArrayOutputStream bytes = new ByteArrayOutputStream();\nObjectOutputStream out = new ObjectOutputStream(bytes);\n'
    'out.writeObject(data);\nout.close();\nbyte[] holder = bytes.toByteArray();',
    '(String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject()', 'byte[]')

def static_field_other_file(pkg):
    """Case stores the data in its public static field; CaseB reads Case.data."""
    def make(case):
        a, b = '', ''
        for name, src, sink in case.variants():
            a += method(name, 'String local;\n%s\nshared = data;\nnew CaseB().%sSink(%s);' % (src, name, ARGS))
            b += method(name + 'Sink', 'String data = Case.shared;\n%s' % sink, decl=False)
        return {'Case.java': java(pkg, 'Case', a, '    public static String shared;\n'),
                'CaseB.java': java(pkg, 'CaseB', b)}
    return make
FLOWS['static_field_other_file'] = static_field_other_file

def dispatch(kind):
    """bad() calls an abstract method (or an interface's) on an object of a subclass in another file."""
    def flow(pkg):
        def make(case):
            files, a = {}, ''
            base = 'Handler'
            decl = ('public abstract class Handler {\n    public abstract void action(String data, %s) throws Exception;\n}\n' % PARAMS
                    if kind == 'abstract' else
                    'public interface Handler {\n    void action(String data, %s) throws Exception;\n}\n' % PARAMS)
            files['Handler.java'] = 'package %s;\n\n%s\n%s' % (pkg, IMPORTS, decl)
            rel = 'extends' if kind == 'abstract' else 'implements'
            for name, src, sink in case.variants():
                impl = name[0].upper() + name[1:] + 'Handler'
                if kind == 'abstract':
                    a += method(name, '%s\n%s handler = new %s();\nhandler.action(data, %s);' % (src, base, impl, ARGS))
                else:
                    a += method(name, '%s\n%s handler = %sFactory();\nhandler.action(data, %s);' % (src, base, name, ARGS))
                    a += '    private Handler %sFactory() {\n        return new %s();\n    }\n\n' % (name, impl)
                body = method('action', sink, params='String data, ' + PARAMS, decl=False)
                files[impl + '.java'] = ('package %s;\n\n%s\npublic class %s %s %s {\n%s%s}\n'
                                         % (pkg, IMPORTS, impl, rel, base, FIELDS, body))
            files['Case.java'] = java(pkg, 'Case', a)
            return files
        return make
    return flow
FLOWS['abstract_dispatch'] = dispatch('abstract')
FLOWS['interface_dispatch'] = dispatch('interface')

def holder_constructor(pkg):
    """The data goes through the constructor of a class of another file and comes back from a getter."""
    def make(case):
        a = ''.join(method(name, '%s\ndata = new Holder(data).get();\n%s' % (src, sink)) for name, src, sink in case.variants())
        holder = ('package %s;\n\npublic class Holder {\n    private final String value;\n\n    public Holder(String value) {\n'
                  '        this.value = value;\n    }\n\n    public String get() {\n        return value;\n    }\n}\n' % pkg)
        return {'Case.java': java(pkg, 'Case', a), 'Holder.java': holder}
    return make
FLOWS['constructor_getter'] = holder_constructor

def record_accessor(pkg):
    def make(case):
        a = ''.join(method(name, '%s\nBox box = new Box(data);\ndata = box.value();\n%s' % (src, sink)) for name, src, sink in case.variants())
        return {'Case.java': java(pkg, 'Case', a, '    record Box(String value) {}\n')}
    return make
FLOWS['record_accessor'] = record_accessor

# --- coverage and output --------------------------------------------------------------------------
def cases():
    """(family, source, flow): every source x family (baseline), every flow x family, every flow x source (sql)."""
    seen = set()
    for family in FAMILIES:
        for source in sources_of(family):
            seen.add((family, source, 'baseline'))
        for flow in FLOWS:
            seen.add((family, first_source(family), flow))
    for flow in FLOWS:
        for source in sources_of('sql'):
            seen.add(('sql', source, flow))
    return sorted(seen)

def main():
    shutil.rmtree(OUT, ignore_errors=True)
    count = 0
    for family, source, flow in cases():
        folder = os.path.join(OUT, '%s-cwe%d' % (family, FAMILIES[family][0]), source, flow)
        os.makedirs(folder)
        pkg = 'flows.%s.%s.%s' % (family, source, flow)
        for name, text in FLOWS[flow](pkg)(Case(family, source)).items():
            with open(os.path.join(folder, name), 'w') as fh:
                fh.write(text)
        count += 1
    print('%d cases' % count)

if __name__ == '__main__':
    main()
