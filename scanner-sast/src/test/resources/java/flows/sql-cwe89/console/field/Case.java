package flows.sql.console.field;

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
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        data = reader.readLine();
        badData = data;
        badSink(request, response);
    }

    public void badSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = badData;
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        goodG2BData = data;
        goodG2BSink(request, response);
    }

    public void goodG2BSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = goodG2BData;
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        data = reader.readLine();
        goodB2GData = data;
        goodB2GSink(request, response);
    }

    public void goodB2GSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = goodB2GData;
        PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");
        statement.setString(1, data);
        statement.executeQuery();
    }

}
