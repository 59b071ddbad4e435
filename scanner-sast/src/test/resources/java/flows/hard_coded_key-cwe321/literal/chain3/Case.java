package flows.hard_coded_key.literal.chain3;

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
        data = "7e5tc4s3";
        new CaseB().badSink(data, request, response);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        data = reader.readLine();
        new CaseB().goodG2BSink(data, request, response);
    }

}
