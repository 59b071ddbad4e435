package flows.path_relative.http_param.interface_dispatch;

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
        Handler handler = badFactory();
        handler.action(data, request, response);
    }

    private Handler badFactory() {
        return new BadHandler();
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        Handler handler = goodG2BFactory();
        handler.action(data, request, response);
    }

    private Handler goodG2BFactory() {
        return new GoodG2BHandler();
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        Handler handler = goodB2GFactory();
        handler.action(data, request, response);
    }

    private Handler goodB2GFactory() {
        return new GoodB2GHandler();
    }

}
