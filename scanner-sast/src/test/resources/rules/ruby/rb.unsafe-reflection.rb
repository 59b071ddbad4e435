class UsersController < ApplicationController
  def show
    # ruleid: rb.unsafe-reflection
    klass = params[:type].constantize
    # ok: rb.unsafe-reflection
    fixed = "User".constantize
  end
end
