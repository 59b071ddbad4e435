package flows.redirect.http_param.if_constant;

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
        if (5 == 5) {
            data = request.getParameter("name");
        } else {
            data = null;
        }
        if (5 == 5) {
            response.sendRedirect(data);
        }
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (5 != 5) {
            data = null;
        } else {
            data = "foo";
        }
        response.sendRedirect(data);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (5 == 5) {
            data = request.getParameter("name");
        } else {
            data = null;
        }
        if (5 == 5) {
            URI uri = new URI(data);
            if (uri.getHost() != null) {
                response.sendError(400, "absolute redirect refused");
                return;
            }
            response.sendRedirect(data);
        }
    }

}
