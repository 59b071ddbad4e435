package flows.ssrf.http_param.field;

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
    private String badData;
    private String goodG2BData;
    private String goodB2GData;

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        badData = data;
        badSink(request, response);
    }

    public void badSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = badData;
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        goodG2BData = data;
        goodG2BSink(request, response);
    }

    public void goodG2BSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = goodG2BData;
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        goodB2GData = data;
        goodB2GSink(request, response);
    }

    public void goodB2GSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = goodB2GData;
        URI uri = new URI(data);
        if (!"www.example.org".equals(uri.getHost())) {
            return;
        }
        InputStream page = new URL(data).openStream();
        page.close();
    }

}
