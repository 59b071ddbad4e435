package flows.xss_error.http_param.collections;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public class Case {
    private static final Set<String> ALLOWED = Set.of("alice", "bob", "java.lang.Object");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app");
    private Connection conn;
    private com.mongodb.client.MongoCollection<org.bson.Document> users;

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        List<String> list = new ArrayList<>();
        list.add(data);
        Map<String, String> map = new HashMap<>();
        map.put("k", list.get(0));
        data = map.get("k");
        response.sendError(404, "<br>Not found: " + data);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        List<String> list = new ArrayList<>();
        list.add(data);
        Map<String, String> map = new HashMap<>();
        map.put("k", list.get(0));
        data = map.get("k");
        response.sendError(404, "<br>Not found: " + data);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        List<String> list = new ArrayList<>();
        list.add(data);
        Map<String, String> map = new HashMap<>();
        map.put("k", list.get(0));
        data = map.get("k");
        response.sendError(404, "<br>Not found: " + org.apache.commons.text.StringEscapeUtils.escapeHtml4(data));
    }

}
