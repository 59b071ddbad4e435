package flows.cleartext.socket.array_other_file;

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

    public void badSink(String[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder[2];
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodG2BSink(String[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder[2];
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodB2GSink(String[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder[2];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, KeyGenerator.getInstance("AES").generateKey());
        data = new String(cipher.doFinal(Base64.getDecoder().decode(data)), "UTF-8");
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

}
