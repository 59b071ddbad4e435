package flows.ssrf.http_param.for_once;

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
        data = null;
        for (int i = 0; i < 1; i++) {
            data = request.getParameter("name");
        }
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = null;
        for (int i = 0; i < 1; i++) {
            data = "foo";
        }
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = null;
        for (int i = 0; i < 1; i++) {
            data = request.getParameter("name");
        }
        URI uri = new URI(data);
        if (!"www.example.org".equals(uri.getHost())) {
            return;
        }
        InputStream page = new URL(data).openStream();
        page.close();
    }

}
