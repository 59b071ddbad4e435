package flows.xss_error.http_param.chain5;

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

    public void badSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        new CaseC().badSink(data, request, response);
    }

    public void goodG2BSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        new CaseC().goodG2BSink(data, request, response);
    }

    public void goodB2GSink(String data, HttpServletRequest request, HttpServletResponse response) throws Exception {
        new CaseC().goodB2GSink(data, request, response);
    }

}
