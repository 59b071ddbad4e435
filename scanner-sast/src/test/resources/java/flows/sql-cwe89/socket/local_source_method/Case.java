package flows.sql.socket.local_source_method;

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
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public String badSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        Socket socket = new Socket("host.example.org", 39543);
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        data = reader.readLine();
        return data;
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = goodG2BSource(request, response);
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public String goodG2BSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        return data;
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = goodB2GSource(request, response);
        PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");
        statement.setString(1, data);
        statement.executeQuery();
    }

    public String goodB2GSource(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        Socket socket = new Socket("host.example.org", 39543);
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        data = reader.readLine();
        return data;
    }

}
