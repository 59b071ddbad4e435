package flows.header_cookie.http_param.other_file_source;

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
    static HttpServletRequest REQUEST;

    public String badSource() throws Exception {
        String data;
        data = REQUEST.getParameter("name");
        return data;
    }

    public String goodG2BSource() throws Exception {
        String data;
        data = "foo";
        return data;
    }

    public String goodB2GSource() throws Exception {
        String data;
        data = REQUEST.getParameter("name");
        return data;
    }

}
