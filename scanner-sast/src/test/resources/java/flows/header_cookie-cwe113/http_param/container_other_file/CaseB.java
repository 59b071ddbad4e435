package flows.header_cookie.http_param.container_other_file;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public class CaseB {
    private static final Set<String> ALLOWED = Set.of("alice", "bob", "java.lang.Object");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app");
    private Connection conn;
    private com.mongodb.client.MongoCollection<org.bson.Document> users;

    public void badSink(Container holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.value;
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void goodG2BSink(Container holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.value;
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void goodB2GSink(Container holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.value;
        data = URLEncoder.encode(data, "UTF-8");
        Cookie cookie = new Cookie("lang", data);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

}
