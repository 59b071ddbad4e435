package flows.hard_coded_key.literal.array_other_file;

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
        SecretKeySpec key = new SecretKeySpec(data.getBytes("UTF-8"), "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
    }

    public void goodG2BSink(String[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder[2];
        SecretKeySpec key = new SecretKeySpec(data.getBytes("UTF-8"), "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
    }

}
