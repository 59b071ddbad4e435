package flows.sql.http_param.static_field_other_file;

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
    public static String shared;

    public void bad(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        String local;
        data = request.getParameter("name");
        shared = data;
        new CaseB().badSink(request, response);
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        String local;
        data = "foo";
        shared = data;
        new CaseB().goodG2BSink(request, response);
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        String local;
        data = request.getParameter("name");
        shared = data;
        new CaseB().goodB2GSink(request, response);
    }

}
