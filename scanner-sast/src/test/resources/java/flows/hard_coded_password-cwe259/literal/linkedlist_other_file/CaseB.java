package flows.hard_coded_password.literal.linkedlist_other_file;

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

    public void badSink(LinkedList<String> holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.remove(2);
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

    public void goodG2BSink(LinkedList<String> holder, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = holder.remove(2);
        Connection secured = DriverManager.getConnection("jdbc:mysql://localhost/app", "root", data);
    }

}
