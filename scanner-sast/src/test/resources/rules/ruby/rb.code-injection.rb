class UsersController < ApplicationController
  def show
    # ruleid: rb.code-injection
    result = eval(params[:expr])
    # ok: rb.code-injection
    fixed = eval("1 + 2")
  end
end
