package flows.setting.properties_file.baseline;

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
        Properties properties = new Properties();
        FileInputStream stream = new FileInputStream("../config.properties");
        properties.load(stream);
        data = properties.getProperty("data");
        conn.setCatalog(data);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        conn.setCatalog(data);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        Properties properties = new Properties();
        FileInputStream stream = new FileInputStream("../config.properties");
        properties.load(stream);
        data = properties.getProperty("data");
        if (!ALLOWED.contains(data)) {
            return;
        }
        conn.setCatalog(data);
    }

}
