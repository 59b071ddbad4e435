class UsersController < ApplicationController
  def show
    # ruleid: rb.xss-raw
    @bio = raw(params[:bio])
    # ok: rb.xss-raw
    @same = raw(ERB::Util.h(params[:bio]))
  end
end
