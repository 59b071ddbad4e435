package flows.nosql.http_param.baseline;

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
        users.find(com.mongodb.client.model.Filters.where("this.name == '" + data + "'"));
    }

    public void goodG2B(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = "foo";
        users.find(com.mongodb.client.model.Filters.where("this.name == '" + data + "'"));
    }

    public void goodB2G(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String data;
        data = request.getParameter("name");
        users.find(com.mongodb.client.model.Filters.eq("name", data));
    }

}
