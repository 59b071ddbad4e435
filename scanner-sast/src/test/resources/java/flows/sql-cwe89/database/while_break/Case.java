package flows.sql.database.while_break;

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
        while (true) {
            PreparedStatement query = conn.prepareStatement("select name from users where id = 0");
            ResultSet results = query.executeQuery();
            results.next();
            data = results.getString(1);
            break;
        }
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        while (true) {
            data = "foo";
            break;
        }
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        while (true) {
            PreparedStatement query = conn.prepareStatement("select name from users where id = 0");
            ResultSet results = query.executeQuery();
            results.next();
            data = results.getString(1);
            break;
        }
        PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");
        statement.setString(1, data);
        statement.executeQuery();
    }

}
