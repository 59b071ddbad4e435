package flows.cleartext.socket.local_sink_method;

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
        Socket socket = new Socket("host.example.org", 39543);
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        data = reader.readLine();
        badSink(data, request, response);
    }

    public void badSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        goodG2BSink(data, request, response);
    }

    public void goodG2BSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        Socket socket = new Socket("host.example.org", 39543);
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        data = reader.readLine();
        goodB2GSink(data, request, response);
    }

    public void goodB2GSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, KeyGenerator.getInstance("AES").generateKey());
        data = new String(cipher.doFinal(Base64.getDecoder().decode(data)), "UTF-8");
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

}
