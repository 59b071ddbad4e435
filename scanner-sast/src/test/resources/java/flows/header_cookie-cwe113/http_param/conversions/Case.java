package flows.header_cookie.http_param.conversions;

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
        data = new String(data.getBytes("UTF-8"), "UTF-8");
        data = String.valueOf(data.toCharArray()).trim();
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        data = new String(data.getBytes("UTF-8"), "UTF-8");
        data = String.valueOf(data.toCharArray()).trim();
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        data = new String(data.getBytes("UTF-8"), "UTF-8");
        data = String.valueOf(data.toCharArray()).trim();
        data = URLEncoder.encode(data, "UTF-8");
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

}
