#!/usr/bin/env python3
"""Writes the labelled Java cases (OWASP-Benchmark style servlets) under cases/cwe<N>/.
Vulnerable*.java must get a finding with that CWE; Safe*.java must not. Re-run after editing."""
import itertools, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")

TEMPLATE = """package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/{name}")
public class {name} extends HttpServlet {{

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {{
        response.setContentType("text/html;charset=UTF-8");
{source}
{flow}
{sink}
    }}
{extra}
}}
"""

SOURCES = [
    'String param = request.getParameter("p");\n        if (param == null) param = "";',
    'String param = "";\n        if (request.getHeader("p") != null) {\n            param = request.getHeader("p");\n        }\n        param = java.net.URLDecoder.decode(param, "UTF-8");',
    'javax.servlet.http.Cookie[] theCookies = request.getCookies();\n        String param = "noCookieValueSupplied";\n        if (theCookies != null) {\n            for (javax.servlet.http.Cookie theCookie : theCookies) {\n                if (theCookie.getName().equals("p")) {\n                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");\n                    break;\n                }\n            }\n        }',
    'String param = "";\n        java.util.Enumeration<String> headers = request.getHeaders("p");\n        if (headers != null && headers.hasMoreElements()) {\n            param = headers.nextElement();\n        }',
    'String param = "";\n        java.util.Map<String, String[]> map = request.getParameterMap();\n        if (map != null) {\n            String[] values = map.get("p");\n            if (values != null) param = values[0];\n        }',
    'String queryString = request.getQueryString();\n        String paramval = "p" + "=";\n        int paramLoc = queryString.indexOf(paramval);\n        String param = queryString.substring(paramLoc + paramval.length());',
    'org.owasp.benchmark.helpers.SeparateClassRequest scr = new org.owasp.benchmark.helpers.SeparateClassRequest(request);\n        String param = scr.getTheParameter("p");',
]

LIST = ('java.util.List<String> valuesList = new java.util.ArrayList<String>();\n        valuesList.add("safe");\n'
        '        valuesList.add(param);\n        valuesList.add("moresafe");\n        valuesList.remove(0);\n')
MAP = ('java.util.HashMap<String, Object> map1 = new java.util.HashMap<String, Object>();\n        map1.put("keyA", "a_Value");\n'
       '        map1.put("keyB", param);\n        map1.put("keyC", "another_Value");\n')
SWITCH = ('String guess = "ABC";\n        char switchTarget = guess.charAt({i});\n        String bar;\n        switch (switchTarget) {{\n'
          '            case \'A\': bar = param; break;\n            case \'B\': bar = "bobs_your_uncle"; break;\n'
          '            case \'C\': case \'D\': bar = param; break;\n            default: bar = "bobs_your_uncle"; break;\n        }}')
HELPER = """
    private class Test {{
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {{
{body}
            return bar;
        }}
    }}"""

# (flow, extra) pairs that leave `bar` tainted ...
TAINTED = [
    ('String bar = param;', ''),
    ('StringBuilder sbxyz = new StringBuilder(param);\n        String bar = sbxyz.append("_SafeStuff").toString();', ''),
    (LIST + '        String bar = valuesList.get(0);', ''),
    (MAP + '        String bar = (String) map1.get("keyB");', ''),
    ('int num = 196;\n        String bar = (7 * 42) - num > 200 ? "This_should_always_happen" : param;', ''),
    (SWITCH.format(i=2), ''),
    ('String bar;\n        int num = 106;\n        if ((7 * 42) - num > 200) bar = "This_should_always_happen";\n        else bar = param;\n        bar = bar + "";', ''),
    ('String bar = new Test().doSomething(request, param);',
     HELPER.format(body='            String bar = "";\n            if (param != null) {\n                bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(\n                    org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));\n            }')),
    ('String bar = doSomething(param);', '\n    private static String doSomething(String param) {\n        String a = param.trim();\n        return a.split(" ")[0];\n    }'),
]
# ... and pairs that leave it clean.
CLEAN = [
    (LIST + '        String bar = valuesList.get(1);', ''),
    (MAP + '        String bar = (String) map1.get("keyA");', ''),
    ('String bar;\n        int num = 86;\n        if ((7 * 42) - num > 200) bar = "This_should_always_happen";\n        else bar = param;', ''),
    ('int num = 106;\n        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;', ''),
    (SWITCH.format(i=1), ''),
    ('String bar = param;\n        bar = "safe!";', ''),
    ('int n = Integer.parseInt(param);\n        String bar = "" + n;', ''),
    ('String bar = new Test().doSomething(request, param);',
     HELPER.format(body='            String bar = "alsosafe";\n            if (param != null) {\n' + '\n'.join('                ' + l.strip() for l in LIST.splitlines()) + '\n                bar = valuesList.get(1);\n            }')),
    ('String bar = doSomething(param);', '\n    private static String doSomething(String param) {\n        String a = param.trim();\n        return "constant";\n    }'),
    ('org.owasp.benchmark.helpers.SeparateClassRequest scr2 = new org.owasp.benchmark.helpers.SeparateClassRequest(request);\n        String bar = scr2.getTheValue("p");', ''),
]

SQL = ['        String sql = "SELECT * from USERS where USERNAME=\'foo\' and PASSWORD=\'" + bar + "\'";\n        try {\n            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();\n            statement.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS);\n        } catch (java.sql.SQLException e) {\n            throw new ServletException(e);\n        }',
       '        String sql = "{call " + bar + "}";\n        try {\n            java.sql.Connection connection = org.owasp.benchmark.helpers.DatabaseHelper.getSqlConnection();\n            java.sql.CallableStatement statement = connection.prepareCall(sql);\n            statement.executeQuery();\n        } catch (java.sql.SQLException e) {\n            throw new ServletException(e);\n        }',
       '        String sql = "SELECT userid from USERS where USERNAME=\'foo\' and PASSWORD=\'" + bar + "\'";\n        java.util.List<java.util.Map<String, Object>> list = org.owasp.benchmark.helpers.DatabaseHelper.JDBCtemplate.queryForList(sql);\n        response.getWriter().println(list.size());']
CMD = ['        String cmd = "echo ";\n        Runtime r = Runtime.getRuntime();\n        try {\n            Process p = r.exec(cmd + bar);\n        } catch (IOException e) {\n            throw new ServletException(e);\n        }',
       '        java.util.List<String> argList = new java.util.ArrayList<String>();\n        argList.add("sh");\n        argList.add("-c");\n        argList.add("echo " + bar);\n        ProcessBuilder pb = new ProcessBuilder();\n        pb.command(argList);\n        pb.start();',
       '        String[] argsEnv = {bar};\n        Runtime r = Runtime.getRuntime();\n        Process p = r.exec("echo", argsEnv);']
PATH = ['        java.io.File fileTarget = new java.io.File(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR, bar);\n        response.getWriter().println(fileTarget.exists());',
        '        String fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar;\n        java.io.FileInputStream fis = new java.io.FileInputStream(fileName);\n        fis.close();',
        '        java.nio.file.Path path = java.nio.file.Paths.get(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar);\n        java.io.InputStream is = java.nio.file.Files.newInputStream(path);']
LDAP = ['        org.owasp.benchmark.helpers.LDAPManager ads = new org.owasp.benchmark.helpers.LDAPManager();\n        try {\n            javax.naming.directory.DirContext ctx = ads.getDirContext();\n            String base = "ou=users,ou=system";\n            javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();\n            String filter = "(&(objectclass=person))(|(uid=" + bar + ")(street={0}))";\n            Object[] filters = new Object[] {"The streetz 4 Ms bar"};\n            javax.naming.NamingEnumeration<javax.naming.directory.SearchResult> results = ctx.search(base, filter, filters, sc);\n        } catch (javax.naming.NamingException e) {\n            throw new ServletException(e);\n        }']
XPATH = ['        try {\n            java.io.FileInputStream file = new java.io.FileInputStream(org.owasp.benchmark.helpers.Utils.getFileFromClasspath("employees.xml", this.getClass().getClassLoader()));\n            javax.xml.parsers.DocumentBuilderFactory builderFactory = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n            builderFactory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);\n            org.w3c.dom.Document xmlDocument = builderFactory.newDocumentBuilder().parse(file);\n            javax.xml.xpath.XPathFactory xpf = javax.xml.xpath.XPathFactory.newInstance();\n            javax.xml.xpath.XPath xp = xpf.newXPath();\n            String expression = "/Employees/Employee[@emplid=\'" + bar + "\']";\n            String result = xp.evaluate(expression, xmlDocument);\n        } catch (Exception e) {\n            throw new ServletException(e);\n        }',
         '        try {\n            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();\n            String expression = "/Employees/Employee[@emplid=\'" + bar + "\']";\n            xp.compile(expression);\n        } catch (Exception e) {\n            throw new ServletException(e);\n        }']
XSS = ['        response.setHeader("X-XSS-Protection", "0");\n        response.getWriter().print(bar);',
       '        response.setHeader("X-XSS-Protection", "0");\n        Object[] obj = {"a", bar};\n        response.getWriter().printf(java.util.Locale.US, "Formatted like: %1$s and %2$s.", obj);',
       '        response.setHeader("X-XSS-Protection", "0");\n        response.getWriter().write(bar.toCharArray(), 0, bar.length());']
TRUST = ['        request.getSession().putValue(bar, "10340");',
         '        request.getSession().setAttribute("userid", bar);\n        response.getWriter().println("Item: \'userid\' with value: saved in session.");']

FLOW = {89: SQL, 78: CMD, 22: PATH, 90: LDAP, 643: XPATH, 79: XSS, 501: TRUST}

# Category-specific sanitisers: clean for their own class only.
SANITISED = {
    79: ('String bar = org.springframework.web.util.HtmlUtils.htmlEscape(param);', ''),
    89: ('String bar = org.owasp.esapi.ESAPI.encoder().encodeForSQL(new org.owasp.esapi.codecs.OracleCodec(), param);', ''),
    90: ('String bar = org.owasp.esapi.ESAPI.encoder().encodeForLDAP(param);', ''),
    643: ('String bar = org.owasp.esapi.ESAPI.encoder().encodeForXPath(param);', ''),
}
# An XSS-only sanitiser does not make other classes safe.
HTML_ONLY = ('String bar = org.apache.commons.lang.StringEscapeUtils.escapeHtml(param);', '')

NONFLOW = {
    327: (['javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/ECB/PKCS5Padding");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RC4");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("Blowfish/CBC/PKCS5Padding");',
           'String alg = "RC2/CBC/PKCS5Padding";\n        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg, java.security.Security.getProvider("SunJCE"));'],
          ['javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");',
           'java.util.Properties benchmarkprops = new java.util.Properties();\n        String algorithm = benchmarkprops.getProperty("cryptoAlg2", "AES/CCM/NoPadding");\n        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");',
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");',
           # AES without a mode defaults to ECB: its own rule (CWE-1188), not a broken algorithm
           'javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES");']),
    328: (['java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");',
           'java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA1", "SUN");',
           'java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");',
           'java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD2");',
           'String h = org.apache.commons.codec.digest.DigestUtils.md5Hex(param);'],
          ['java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");',
           'java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-512", "SUN");',
           'java.util.Properties benchmarkprops = new java.util.Properties();\n        String algorithm = benchmarkprops.getProperty("hashAlg2", "SHA-256");\n        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);',
           'java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA3-256");',
           'String h = org.apache.commons.codec.digest.DigestUtils.sha256Hex(param);']),
    330: (['double value = java.lang.Math.random();\n        String rememberMeKey = Double.toString(value).substring(2);',
           'int r = new java.util.Random().nextInt();\n        String rememberMeKey = Integer.toString(r);',
           'java.util.Random numGen = new java.util.Random();\n        float rand = numGen.nextFloat();\n        String rememberMeKey = Float.toString(rand).substring(2);',
           'long l = new java.util.Random().nextLong();\n        String rememberMeKey = Long.toString(l);',
           'byte[] bytes = new byte[10];\n        new java.util.Random().nextBytes(bytes);\n        String rememberMeKey = java.util.Base64.getEncoder().encodeToString(bytes);',
           'int r = java.util.concurrent.ThreadLocalRandom.current().nextInt();\n        String rememberMeKey = Integer.toString(r);',
           'java.util.Random numGen = new java.util.Random();\n        byte[] randomBytes = new byte[40];\n        getNextNumber(numGen, randomBytes);\n        String rememberMeKey = java.util.Base64.getEncoder().encodeToString(randomBytes);\n    }\n\n    void getNextNumber(java.util.Random generator, byte[] barray) {\n        generator.nextBytes(barray);'],
          ['java.security.SecureRandom sr = java.security.SecureRandom.getInstance("SHA1PRNG");\n        int randNumber = sr.nextInt(99);\n        String rememberMeKey = Integer.toString(randNumber);',
           'java.util.Random numGen = java.security.SecureRandom.getInstance("SHA1PRNG");\n        double rand = numGen.nextGaussian();\n        String rememberMeKey = Double.toString(rand).substring(2);',
           'byte[] bytes = new byte[10];\n        new java.security.SecureRandom().nextBytes(bytes);\n        String rememberMeKey = org.owasp.esapi.ESAPI.encoder().encodeForBase64(bytes, true);',
           'String rememberMeKey = java.util.UUID.randomUUID().toString();',
           'java.util.Random numGen = java.security.SecureRandom.getInstance("SHA1PRNG");\n        byte[] randomBytes = new byte[40];\n        getNextNumber(numGen, randomBytes);\n        String rememberMeKey = java.util.Base64.getEncoder().encodeToString(randomBytes);\n    }\n\n    void getNextNumber(java.util.Random generator, byte[] barray) {\n        generator.nextBytes(barray);']),
    614: (['javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", "v");\n        cookie.setSecure(false);\n        cookie.setHttpOnly(true);\n        response.addCookie(cookie);',
           'javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", "v");\n        cookie.setPath(request.getRequestURI());\n        response.addCookie(cookie);',
           'response.addCookie(new javax.servlet.http.Cookie("SomeCookie", "v"));',
           'javax.servlet.http.Cookie c2 = new javax.servlet.http.Cookie("SomeCookie", param);\n        c2.setHttpOnly(true);\n        response.addCookie(c2);'],
          ['javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", "v");\n        cookie.setSecure(true);\n        cookie.setHttpOnly(true);\n        response.addCookie(cookie);',
           'javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", "v");\n        cookie.setSecure(true);\n        cookie.setPath(request.getRequestURI());\n        response.addCookie(cookie);',
           'javax.servlet.http.Cookie c2 = new javax.servlet.http.Cookie("SomeCookie", param);\n        c2.setSecure(true);\n        c2.setHttpOnly(false);\n        response.addCookie(c2);']),
}


def write(cwe, kind, n, source, flow, sink, extra=''):
    name = 'Cwe%d%s%02d' % (cwe, kind, n)
    folder = os.path.join(OUT, 'cwe%d' % cwe)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + '.java'), 'w') as fh:
        fh.write(TEMPLATE.format(name=name, source='        ' + source, flow='        ' + flow, sink=sink, extra=extra))


def main():
    # Only this generator's files (Cwe<N>Vulnerable/Safe*.java); other generators share cases/.
    for root, _, files in os.walk(OUT):
        for name in files:
            if re.match(r'Cwe\d+(Vulnerable|Safe)\d+\.java$', name):
                os.remove(os.path.join(root, name))
    for cwe, sinks in FLOW.items():
        tainted = TAINTED + ([HTML_ONLY] if cwe != 79 else [])
        clean = CLEAN + ([SANITISED[cwe]] if cwe in SANITISED else [])
        for n, ((flow, extra), source, sink) in enumerate(zip(tainted, itertools.cycle(SOURCES), itertools.cycle(sinks))):
            write(cwe, 'Vulnerable', n + 1, source, flow, sink, extra)
        for n, ((flow, extra), source, sink) in enumerate(zip(clean, itertools.cycle(SOURCES[1:] + SOURCES[:1]), itertools.cycle(sinks))):
            write(cwe, 'Safe', n + 1, source, flow, sink, extra)
    for cwe, (bad, good) in NONFLOW.items():
        for n, body in enumerate(bad):
            write(cwe, 'Vulnerable', n + 1, 'String param = request.getParameter("p");', body, '')
        for n, body in enumerate(good):
            write(cwe, 'Safe', n + 1, 'String param = request.getParameter("p");', body, '')


if __name__ == '__main__':
    main()
