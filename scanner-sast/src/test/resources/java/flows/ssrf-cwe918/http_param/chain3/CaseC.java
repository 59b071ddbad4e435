package flows.ssrf.http_param.chain3;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public class CaseC {
    private static final Set<String> ALLOWED = Set.of("alice", "bob", "java.lang.Object");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app");
    private Connection conn;
    private com.mongodb.client.MongoCollection<org.bson.Document> users;

    public void badSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodG2BSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        InputStream page = new URL(data).openStream();
        page.close();
    }

    public void goodB2GSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        URI uri = new URI(data);
        if (!"www.example.org".equals(uri.getHost())) {
            return;
        }
        InputStream page = new URL(data).openStream();
        page.close();
    }

}
