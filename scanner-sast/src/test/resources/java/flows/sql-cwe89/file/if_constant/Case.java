package flows.sql.file.if_constant;

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
        if (5 == 5) {
            File file = new File("/var/app/data.txt");
            FileInputStream stream = new FileInputStream(file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, "UTF-8"));
            data = reader.readLine();
        } else {
            data = null;
        }
        if (5 == 5) {
            Statement statement = conn.createStatement();
            statement.executeQuery("select * from users where name = '" + data + "'");
        }
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (5 != 5) {
            data = null;
        } else {
            data = "foo";
        }
        Statement statement = conn.createStatement();
        statement.executeQuery("select * from users where name = '" + data + "'");
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (5 == 5) {
            File file = new File("/var/app/data.txt");
            FileInputStream stream = new FileInputStream(file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, "UTF-8"));
            data = reader.readLine();
        } else {
            data = null;
        }
        if (5 == 5) {
            PreparedStatement statement = conn.prepareStatement("select * from users where name = ?");
            statement.setString(1, data);
            statement.executeQuery();
        }
    }

}
