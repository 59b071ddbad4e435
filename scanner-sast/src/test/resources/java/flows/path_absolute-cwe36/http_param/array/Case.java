package flows.path_absolute.http_param.array;

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
        data = request.getParameter("name");
        String[] array = new String[3];
        array[2] = data;
        data = array[2];
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        String[] array = new String[3];
        array[2] = data;
        data = array[2];
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        String[] array = new String[3];
        array[2] = data;
        data = array[2];
        if (!ALLOWED.contains(data)) {
            return;
        }
        FileInputStream in = new FileInputStream(data);
        in.close();
    }

}
