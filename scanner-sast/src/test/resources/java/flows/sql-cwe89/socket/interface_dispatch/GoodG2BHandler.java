package flows.sql.socket.interface_dispatch;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public class GoodG2BHandler implements Handler {
    private static final Set<String> ALLOWED = Set.of("alice", "bob", "java.lang.Object");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app");
    private Connection conn;
    private com.mongodb.client.MongoCollection<org.bson.Document> users;
    public void action(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

}
