package flows.ssrf.http_param.static_flag_other_file;

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
        if (Case.flag) {
            data = REQUEST.getParameter("name");
        } else {
            data = null;
        }
        return data;
    }

    public String goodG2BSource() throws Exception {
        String data;
        if (Case.flag) {
            data = "foo";
        } else {
            data = null;
        }
        return data;
    }

    public String goodB2GSource() throws Exception {
        String data;
        if (Case.flag) {
            data = REQUEST.getParameter("name");
        } else {
            data = null;
        }
        return data;
    }

}
