package flows.xss.http_param.if_field_flag;

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
    private boolean privateTrue = true;

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (privateTrue) {
            data = request.getParameter("name");
        } else {
            data = null;
        }
        if (privateTrue) {
            response.getWriter().println("<br>Hello " + data);
        }
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (privateTrue) {
            data = "foo";
        } else {
            data = null;
        }
        if (privateTrue) {
            response.getWriter().println("<br>Hello " + data);
        }
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (privateTrue) {
            data = request.getParameter("name");
        } else {
            data = null;
        }
        if (privateTrue) {
            response.getWriter().println("<br>Hello " + org.apache.commons.text.StringEscapeUtils.escapeHtml4(data));
        }
    }

}
