package flows.hard_coded_password.literal.if_field_flag;

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
    private boolean privateTrue = true;

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (privateTrue) {
            data = "7e5tc4s3";
        } else {
            data = null;
        }
        if (privateTrue) {
            Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
        }
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        if (privateTrue) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
            data = reader.readLine();
        } else {
            data = null;
        }
        if (privateTrue) {
            Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
        }
    }

}
