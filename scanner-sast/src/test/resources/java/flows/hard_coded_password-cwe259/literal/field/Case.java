package flows.hard_coded_password.literal.field;

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

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "7e5tc4s3";
        badData = data;
        badSink(request, response);
    }

    public void badSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = badData;
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        data = reader.readLine();
        goodG2BData = data;
        goodG2BSink(request, response);
    }

    public void goodG2BSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = goodG2BData;
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

}
