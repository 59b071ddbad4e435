package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe89Vulnerable09")
public class Cwe89Vulnerable09 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        if (request.getHeader("p") != null) {
            param = request.getHeader("p");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String bar = doSomething(param);
        String sql = "SELECT userid from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        java.util.List<java.util.Map<String, Object>> list = org.owasp.benchmark.helpers.DatabaseHelper.JDBCtemplate.queryForList(sql);
        response.getWriter().println(list.size());
    }

    private static String doSomething(String param) {
        String a = param.trim();
        return a.split(" ")[0];
    }
}
