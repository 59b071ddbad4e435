package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe89Safe11")
public class Cwe89Safe11 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("p");
            if (values != null) param = values[0];
        }
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForSQL(new org.owasp.esapi.codecs.OracleCodec(), param);
        String sql = "{call " + bar + "}";
        try {
            java.sql.Connection connection = org.owasp.benchmark.helpers.DatabaseHelper.getSqlConnection();
            java.sql.CallableStatement statement = connection.prepareCall(sql);
            statement.executeQuery();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

}
