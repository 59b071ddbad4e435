package flows.setting.http_param.vector_other_file;

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

    public void badSink(Vector<String> holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.remove(2);
        conn.setCatalog(data);
    }

    public void goodG2BSink(Vector<String> holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.remove(2);
        conn.setCatalog(data);
    }

    public void goodB2GSink(Vector<String> holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.remove(2);
        if (!ALLOWED.contains(data)) {
            return;
        }
        conn.setCatalog(data);
    }

}
