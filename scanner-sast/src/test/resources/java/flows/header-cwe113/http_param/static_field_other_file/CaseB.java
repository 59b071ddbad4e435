package flows.header.http_param.static_field_other_file;

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

    public void badSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = Case.shared;
        response.setHeader("X-Language", data);
    }

    public void goodG2BSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = Case.shared;
        response.setHeader("X-Language", data);
    }

    public void goodB2GSink(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data = Case.shared;
        data = URLEncoder.encode(data, "UTF-8");
        response.setHeader("X-Language", data);
    }

}
