package flows.sql.http_cookie.serialized_other_file;

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

    public void badSink(byte[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = (String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject();
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodG2BSink(byte[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = (String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject();
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodB2GSink(byte[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = (String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject();
        PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");
        statement.setString(1, data);
        statement.executeQuery();
    }

}
