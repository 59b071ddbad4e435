package flows.path_absolute.http_param.serialized_other_file;

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
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

    public void goodG2BSink(byte[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = (String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject();
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

    public void goodB2GSink(byte[] holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = (String) new ObjectInputStream(new ByteArrayInputStream(holder)).readObject();
        if (!ALLOWED.contains(data)) {
            return;
        }
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

}
