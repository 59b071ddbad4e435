class UsersController < ApplicationController
  def show
    # ruleid: rb.xss-html-safe
    @bio = params[:bio].html_safe
    # ok: rb.xss-html-safe
    @static = "<b>hi</b>".html_safe
  end
end
