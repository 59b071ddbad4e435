package flows.log.http_param.local_source_method;

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
        data = badSource(request, response);
        LOG.info("user: " + data);
    }

    public String badSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        return data;
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = goodG2BSource(request, response);
        LOG.info("user: " + data);
    }

    public String goodG2BSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        return data;
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = goodB2GSource(request, response);
        data = data.replace('\n', '_').replace('\r', '_');
        LOG.info("user: " + data);
    }

    public String goodB2GSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        return data;
    }

}
